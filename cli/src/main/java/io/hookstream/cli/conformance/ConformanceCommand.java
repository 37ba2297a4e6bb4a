package io.hookstream.cli.conformance;

import io.hookstream.iml.Iml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code hookstream conformance FILE...}: runs IML conformance case files, prints one line per
 * failing case and closes with {@code N passed, M failed[, K skipped]}. Exits 0 only when no case
 * failed.
 */
@Command(
        name = "conformance",
        mixinStandardHelpOptions = true,
        description = "Run IML conformance case files: expression cases and whole-webhook cases.")
public final class ConformanceCommand implements Callable<Integer> {

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "JSON files holding an array of cases.")
    List<Path> files = new ArrayList<>();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The runners by kind: expression cases (no kind) and whole-webhook cases. */
    static List<CaseRunner> runners() {
        Iml iml = Iml.standard();
        return List.of(new ExpressionCaseRunner(iml), new WebhookCases(iml));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ConformanceRunner.Report report = new ConformanceRunner(runners()).run(files);
            ConformanceRunner.print(report, out);
            return report.successful() ? 0 : 1;
        } catch (IOException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("cannot read case file: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
