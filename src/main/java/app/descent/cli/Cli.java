package app.descent.cli;

import app.descent.UserInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Runs the command line and turns every outcome into an exit code and at most one line on stderr. */
public final class Cli {
    /** A user mistake: bad option, bad input file, bad expression. */
    public static final int USAGE = 2;
    /** A bug; the message still fits one line, the trace only with DESCENT_DEBUG=1. */
    public static final int INTERNAL = 1;

    private Cli() {
    }

    public static int run(String... args) {
        CommandLine cmd = commandLine();
        try {
            return cmd.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands on only exceptions: the last line of defence keeps the one-line rule for errors too
            java.util.logging.Logger.getLogger("app.descent").log(java.util.logging.Level.SEVERE, "descent failed", e);
            cmd.getErr().println("descent: internal error: " + (e instanceof StackOverflowError
                    ? "the input is nested too deeply" : "out of memory") + " (please report it; details in "
                    + app.descent.io.Logs.file() + ")");
            cmd.getErr().flush();
            return INTERNAL;
        }
    }

    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new DescentCommand());
        cmd.setParameterExceptionHandler(Cli::onBadArguments);
        cmd.setExecutionExceptionHandler(Cli::onFailure);
        // an expression may start with a minus: descent grad '-x**2' x=3
        cmd.getSubcommands().get("grad").setUnmatchedOptionsArePositionalParams(true);
        return cmd;
    }

    private static int onBadArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + ": " + oneLine(describe(e)) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return USAGE;
    }

    private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof UserInputException u) {
            err.println(name + ": " + oneLine(e.getMessage()));
            if (!u.detail().isEmpty()) {
                u.detail().lines().forEach(line -> err.println("  " + line));
            }
            err.flush();
            return USAGE;
        }
        err.println(name + ": internal error: " + oneLine(String.valueOf(e.getMessage()))
                + " (please report it; DESCENT_DEBUG=1 shows details)");
        if ("1".equals(System.getenv("DESCENT_DEBUG"))) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    private static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            boolean hasCommands = !e.getCommandLine().getSubcommands().isEmpty();
            if (first.startsWith("-")) {
                return "unknown option '" + first + "'";
            }
            return hasCommands ? "unknown command '" + first + "'" : "unexpected argument '" + first + "'";
        }
        return e.getMessage();
    }

    private static String oneLine(String message) {
        return message == null ? "failed" : message.replace('\n', ' ').strip();
    }
}
