package io.github.groqspring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of main code in the build is {@code @NullMarked} in its
 * {@code package-info.java}: NullAway checks only such packages
 * ({@code OnlyNullMarked=true}), so a package without it would silently go unchecked.
 */
class NullMarkedPackagesTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void everyMainPackageIsNullMarked() throws IOException {
		List<Path> packages = mainPackages();
		assertThat(packages).as("packages found under %s", ROOT).hasSizeGreaterThan(20);
		assertThat(packages.stream().filter((dir) -> !nullMarked(dir.resolve("package-info.java"))).map(ROOT::relativize))
			.as("packages without a @NullMarked package-info.java")
			.isEmpty();
	}

	/** Directories under any module's {@code src/main/java} that hold Java sources. */
	private static List<Path> mainPackages() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT)) {
			return files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> ROOT.relativize(file).toString().replace('\\', '/').matches("(.+/)?src/main/java/.+"))
				.filter((file) -> !ROOT.relativize(file).toString().replace('\\', '/').matches("(.+/)?target/.+"))
				.map(Path::getParent)
				.distinct()
				.sorted()
				.toList();
		}
	}

	private static boolean nullMarked(Path packageInfo) {
		try {
			return Files.isRegularFile(packageInfo) && Files.readString(packageInfo).contains("@NullMarked");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
