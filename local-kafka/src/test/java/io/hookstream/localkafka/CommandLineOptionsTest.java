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
}
