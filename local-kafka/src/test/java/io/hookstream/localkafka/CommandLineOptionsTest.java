package io.hookstream.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CommandLineOptionsTest {

    private static final Path HOME = Path.of("/home/dev");

    @Test
    void defaultsToPort9092AndTheHookstreamDirectoryInHome() {
        CommandLineOptions options = CommandLineOptions.parse(new String[0], HOME);

        assertThat(options.help()).isFalse();
        assertThat(options.config().port()).isEqualTo(9092);
        assertThat(options.config().dataDir()).isEqualTo(Path.of("/home/dev/.hookstream/kafka"));
    }

    @Test
    void readsPortAndDataDirInBothSpellings() {
        CommandLineOptions separate =
                CommandLineOptions.parse(
                        new String[] {"--port", "0", "--data-dir", "/tmp/k"}, HOME);
        CommandLineOptions joined =
                CommandLineOptions.parse(new String[] {"--port=19092", "--data-dir=/tmp/j"}, HOME);

        assertThat(separate.config().port()).isZero();
        assertThat(separate.config().dataDir()).isEqualTo(Path.of("/tmp/k"));
        assertThat(joined.config().port()).isEqualTo(19092);
        assertThat(joined.config().dataDir()).isEqualTo(Path.of("/tmp/j"));
    }

    @Test
    void recognisesHelp() {
        assertThat(CommandLineOptions.parse(new String[] {"--help"}, HOME).help()).isTrue();
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadPorts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLineOptions.parse(new String[] {"--verbose"}, HOME))
                .withMessageContaining("--verbose");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLineOptions.parse(new String[] {"--port"}, HOME))
                .withMessageContaining("--port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLineOptions.parse(new String[] {"--port", "x"}, HOME));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLineOptions.parse(new String[] {"--port", "70000"}, HOME));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLineOptions.parse(new String[] {"--data-dir="}, HOME));
    }

    @Test
    void readsAClusterAndOneOfItsNodes() {
        CommandLineOptions whole =
                CommandLineOptions.parse(
                        new String[] {"--nodes", "3", "--port", "19092", "--data-dir", "/tmp/c"},
                        HOME);
        CommandLineOptions node =
                CommandLineOptions.parse(
                        new String[] {
                            "--nodes=3", "--node-id=2", "--host=127.0.0.2", "--start-timeout=90"
                        },
                        HOME);

        assertThat(whole.nodes()).isEqualTo(3);
        assertThat(whole.nodeId()).isZero();
        assertThat(whole.cluster().bootstrapServers())
                .isEqualTo("127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094");
        assertThat(whole.cluster().nodeDir(3)).isEqualTo(Path.of("/tmp/c/node-3"));
        assertThat(node.nodeId()).isEqualTo(2);
        assertThat(node.config().host()).isEqualTo("127.0.0.2");
        assertThat(node.config().startTimeout()).hasSeconds(90);
        assertThat(node.cluster().clientPort(2)).isEqualTo(9093);
    }

    @Test
    void rejectsANodeOutsideTheClusterAndAClusterOnFreePorts() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                CommandLineOptions.parse(
                                        new String[] {"--nodes", "3", "--node-id", "4"}, HOME))
                .withMessageContaining("--node-id");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                CommandLineOptions.parse(
                                        new String[] {"--nodes", "3", "--port", "0"}, HOME))
                .withMessageContaining("--port");
    }
}
