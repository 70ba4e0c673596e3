package io.github.groqspring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.github.groqspring.tier.GroqTierContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link ArchitectureTests} catch what they are there to catch, on fixtures
 * that break them; and every internal package says it is internal.
 */
class ArchitectureRulesTests {

	@Test
	void theCycleRuleReportsTwoPackagesThatUseEachOther() {
		JavaClasses fixture = new ClassFileImporter().importPackages("io.github.groqspring.architecturefixture");
		EvaluationResult result = ArchitectureTests.everyPackageIsFreeOfCycles.evaluate(fixture);
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("Cycle detected")
			.contains("architecturefixture.lower")
			.contains("architecturefixture.upper");
	}

	@Test
	void theLayeringRuleReportsTheBottomLayerUsingTheTemplate() throws ClassNotFoundException {
		JavaClasses classes = new ClassFileImporter().importClasses(GroqTemplate.class, GroqTierContext.class,
				Class.forName("io.github.groqspring.tier.UpwardDependencyFixture"));
		EvaluationResult result = ArchitectureTests.packagesFollowTheLayering.evaluate(classes);
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("UpwardDependencyFixture")
			.contains("io.github.groqspring.GroqTemplate");
	}

	@Test
	void thePublicApiRuleReportsAPublicMethodReturningAnInternalType() {
		JavaClasses fixture = new ClassFileImporter().importPackages("io.github.groqspring.architecturefixture");
		EvaluationResult result = ArchitectureTests.thePublicApiNamesNoInternalType.evaluate(fixture);
		assertThat(result.getFailureReport().getDetails()).singleElement()
			.asString()
			.contains("Upper.budget()")
			.contains("names the internal io.github.groqspring.internal.http.CallBudget");
	}

	@Test
	void everyInternalPackageSaysItIsNotPublicApi() throws IOException {
		Path internal = Path.of("src/main/java/io/github/groqspring/internal");
		List<Path> packages;
		try (Stream<Path> directories = Files.list(internal)) {
			packages = directories.filter(Files::isDirectory).toList();
		}
		assertThat(packages).extracting((path) -> path.getFileName().toString())
			.containsExactlyInAnyOrder("http", "observation", "ratelimit", "stream");
		for (Path directory : packages) {
			assertThat(Files.readString(directory.resolve("package-info.java"))).as(directory.toString())
				.contains("Internal:")
				.contains("Not part of the public API")
				.contains("may change without notice");
		}
	}

}
