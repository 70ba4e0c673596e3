package io.github.groqspring.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of the project's checkout, found from the working directory of the test run
 * (a module's directory under Maven, the root itself in an IDE).
 */
final class ProjectDirectory {

	private ProjectDirectory() {
	}

	static Path root() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("groq-spring-boot-autoconfigure"))) {
				return dir;
			}
		}
		throw new IllegalStateException("No project root (a directory with mvnw and groq-spring-boot-autoconfigure) above "
				+ Path.of("").toAbsolutePath());
	}

}
