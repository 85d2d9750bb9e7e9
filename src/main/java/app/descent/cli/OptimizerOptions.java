package app.descent.cli;

import app.descent.UserInputException;
import app.descent.catalog.Optimizers;
import app.descent.training.OptimizerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The optimizers' hyperparameters as options, read from the registry ({@link Optimizers}): one option per
 * hyperparameter ({@code --momentum}, {@code --eps}, …; β1 and β2 share {@code --betas B1,B2}), each help
 * naming the optimizers that have it and their defaults. Added to a command by picocli's model transformer
 * ({@code @Command(modelTransformer = OptimizerOptions.class)}); an option the chosen optimizer lacks is an error.
 */
public final class OptimizerOptions implements CommandLine.IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        groups().forEach((option, parts) -> {
            if (spec.findOption("--" + option) == null) {
                spec.addOption(OptionSpec.builder("--" + option).type(parts.size() == 1 ? Double.class : String.class)
                        .paramLabel(parts.size() == 1 ? "F" : Optimizers.form(option))
                        .description(help(parts)).build());
            }
        });
        List<String> footer = new ArrayList<>(List.of(spec.usageMessage().footer()));
        footer.add("Optimizers (--optimizer): PyTorch's class, and the learning rate training starts it with");
        for (Optimizers.Optimizer o : Optimizers.ALL) {
            footer.add(String.format("  %-9s %-46s lr %s", o.id(), o.torchName(), fmt(o.defaultLr())));
        }
        spec.usageMessage().footer(footer.toArray(String[]::new));
        return spec;
    }

    /** The hyperparameters by option name, in the registry's order. */
    static Map<String, List<Optimizers.Hyperparameter>> groups() {
        Map<String, List<Optimizers.Hyperparameter>> g = new LinkedHashMap<>();
        for (Optimizers.Hyperparameter h : Optimizers.HYPERPARAMETERS) {
            g.computeIfAbsent(h.option(), k -> new ArrayList<>()).add(h);
        }
        return g;
    }

    /** E.g. "L2 penalty added to the gradient (default 0; 0.01 for adamw)": the most common default first. */
    static String help(List<Optimizers.Hyperparameter> parts) {
        Map<String, List<String>> byDefault = new LinkedHashMap<>();
        List<String> having = Optimizers.having(parts.get(0));
        for (Optimizers.Optimizer o : Optimizers.ALL) {
            if (o.has(parts.get(0).id())) {
                String d = parts.stream().map(h -> fmt(o.defaults().get(h.id()))).collect(Collectors.joining(","));
                byDefault.computeIfAbsent(d, k -> new ArrayList<>()).add(o.id());
            }
        }
        List<Map.Entry<String, List<String>>> groups = new ArrayList<>(byDefault.entrySet());
        groups.sort((a, b) -> b.getValue().size() - a.getValue().size());
        StringBuilder b = new StringBuilder(parts.stream().map(Optimizers.Hyperparameter::help)
                .collect(Collectors.joining(", ")));
        b.append(having.size() == Optimizers.ALL.size() ? " (" : " (for " + String.join(", ", having) + "; ");
        b.append("default ").append(groups.get(0).getKey());
        for (Map.Entry<String, List<String>> g : groups.subList(1, groups.size())) {
            b.append("; ").append(g.getKey()).append(" for ").append(String.join(", ", g.getValue()));
        }
        return b.append(")").toString();
    }

    /** 0.9, 0.004, 1e-8: as a person writes them. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.valueOf((long) v);
        }
        return String.valueOf(v).replaceAll("\\.0E", "e").replace('E', 'e');
    }

    /** {@code opt} with every hyperparameter option given on the command line of {@code spec}. */
    static OptimizerSpec apply(CommandSpec spec, OptimizerSpec opt) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        for (Map.Entry<String, List<Optimizers.Hyperparameter>> e : groups().entrySet()) {
            OptionSpec option = spec.findOption("--" + e.getKey());
            if (option == null || !parsed.hasMatchedOption(option)) {
                continue;
            }
            Object value = option.getValue();
            List<Optimizers.Hyperparameter> parts = e.getValue();
            if (!opt.has(parts.get(0).id())) {
                throw new UserInputException("--" + e.getKey() + " " + value + ": " + opt.name() + " has no "
                        + parts.get(0).label() + " (" + opt.name() + " takes " + opt.hyperparameters().keySet().stream()
                        .map(id -> "--" + Optimizers.hyperparameter(id).option()).distinct()
                        .collect(Collectors.joining(", ")) + ")");
            }
            Map<String, Double> v = parts.size() == 1 ? Map.of(parts.get(0).id(), (Double) value)
                    : Optimizers.parse("--" + e.getKey(), (String) value);
            for (Map.Entry<String, Double> h : v.entrySet()) {
                opt = opt.with(h.getKey(), h.getValue());
            }
        }
        return opt;
    }
}
