package app.descent.cli;

import app.descent.Versions;
import app.descent.training.ComputeEngine;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "Descent " + Versions.descent(),
            "Java " + Versions.java() + ", JavaFX " + Versions.javafx() + ", DJL " + ComputeEngine.djlVersion()
        };
    }
}
