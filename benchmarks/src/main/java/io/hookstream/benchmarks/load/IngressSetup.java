package io.hookstream.benchmarks.load;

import io.hookstream.schemas.topic.HookstreamTopics;
import io.hookstream.schemas.topic.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * Registers the benchmark app and one dedicated hook, and writes the request every load tool sends:
 * {@code body.json} and {@code request.env} (signatures and paths) into the directory given.
 * Arguments: {@code <bootstrap-servers> <out-dir>}.
 */
public final class IngressSetup {

    public static final String HOOK_ID = "hook-bench-0";
    public static final String USER_ID = "bench-user";

    private IngressSetup() {}

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        HookstreamTopics topics = HookstreamTopics.defaults();
        TopicNames names = topics.names();
        try (Admin admin = Fixtures.admin(bootstrap)) {
            var provisioner = Fixtures.provisioner(admin, 3);
            provisioner.ensureSystemTopics(names);
            provisioner.ensureTriggerTopic(names.triggerTopicOf(USER_ID));
            // as many partitions as the raw events' topic, so that /noop-stored batches as the
            // webhook routes do
            provisioner.ensureTriggerTopic(NoopEndpoint.STORED_TOPIC);
        }
        Fixtures.writeState(
                bootstrap, topics, List.of(HOOK_ID), 2, i -> USER_ID, names::triggerTopicOf);
        byte[] body =
                Fixtures.body(
                        1001, 1_700_000_000_000_000L, Fixtures.account(0), Fixtures.account(1));
        Files.write(out.resolve("body.json"), body);
        StringBuilder env = new StringBuilder();
        env.append("SIG_DEDICATED='")
                .append(Fixtures.githubSignature(Fixtures.HOOK_SECRET, body))
                .append("'\n");
        env.append("SIG_SHARED='")
                .append(Fixtures.githubSignature(Fixtures.SHARED_SECRET, body))
                .append("'\n");
        env.append("PATH_DEDICATED='/hooks/").append(HOOK_ID).append("'\n");
        env.append("PATH_SHARED='/apps/")
                .append(Fixtures.APP_ID)
                .append("/webhooks/")
                .append(Fixtures.SHARED)
                .append("'\n");
        env.append("BODY_BYTES=").append(body.length).append('\n');
        Files.writeString(out.resolve("request.env"), env.toString());
        System.out.println(
                "setup done: app "
                        + Fixtures.APP_ID
                        + ", hook "
                        + HOOK_ID
                        + ", body "
                        + body.length
                        + " bytes");
    }
}
