package app.descent.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The platform names Descent reports are DJL's classifiers, also on machines this build cannot run on. */
class PlatformTest {

    @Test
    void javaOsNamesBecomeDjlClassifiers() {
        assertThat(ComputeEngine.platform("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(ComputeEngine.platform("Linux", "aarch64")).isEqualTo("linux-aarch64");
        assertThat(ComputeEngine.platform("Windows 11", "amd64")).isEqualTo("win-x86_64");
        assertThat(ComputeEngine.platform("Mac OS X", "aarch64")).isEqualTo("osx-aarch64");
        assertThat(ComputeEngine.platform("Mac OS X", "x86_64")).isEqualTo("osx-x86_64");
    }

    @Test
    void aPlatformWithoutLibtorchIsNamedInOneLineWithWhatStillWorks() {
        String why = ComputeEngine.missingLibtorch("osx-x86_64");
        assertThat(why).contains("osx-x86_64").contains("osx-aarch64").contains("Backprop").doesNotContain("\n");
        assertThat(ComputeEngine.missingLibtorch("linux-x86_64")).contains("-Plinux-x86_64".substring(2));
    }

    @Test
    void thisBuildShipsLibtorchForThisMachine() {
        assertThat(ComputeEngine.LIBTORCH_PLATFORMS).contains(ComputeEngine.platform());
        assertThat(ComputeEngine.missingLibtorch()).isNull();
    }
}
