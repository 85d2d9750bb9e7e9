package app.descent.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "descent",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Descent: a deep-learning course companion. Without a command it opens the window.",
        subcommands = {GradCommand.class, PracticeCommand.class, LessonCommand.class, SummaryCommand.class, TrainCommand.class, CompareCommand.class, SearchCommand.class, StudyCommand.class, InspectCommand.class, PathCommand.class, BenchCommand.class, DoctorCommand.class, SessionCommand.class},
        commandListHeading = "%nCommands:%n")
public final class DescentCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is required");
    }
}
