package io.github.groqspring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code groq-spring-boot-dependencies} BOM manages exactly the modules this build
 * publishes, at the build's version, and the parent's own dependency management lists the
 * same modules (the build cannot import the BOM, see the parent pom).
 */
class DependenciesBomTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final String GROUP = "io.github.groqspring";

	@Test
	void bomManagesEveryPublishedModuleAndNothingElse() throws Exception {
		Element bom = read(ROOT.resolve("groq-spring-boot-dependencies/pom.xml"));
		assertThat(children(bom, "parent")).as("the BOM must not inherit the parent's Spring Boot BOM").isEmpty();
		assertThat(text(bom, "version")).isEqualTo(text(read(ROOT.resolve("pom.xml")), "version"));
		assertThat(managed(bom, "${project.version}")).containsExactlyElementsOf(publishedModules());
	}

	@Test
	void parentManagesTheSameModulesAsTheBom() throws Exception {
		assertThat(managed(read(ROOT.resolve("pom.xml")), "${project.version}"))
			.containsExactlyElementsOf(publishedModules());
	}

	@Test
	void publishedModulesAreTheShippedOnes() throws Exception {
		// Samples and benchmarks skip deployment; the BOM and the parent are poms.
		assertThat(publishedModules()).containsExactly("groq-spring-ai", "groq-spring-ai-starter",
				"groq-spring-boot-autoconfigure", "groq-spring-boot-ratelimit-redis", "groq-spring-boot-starter",
				"groq-spring-boot-test");
	}

	/** Every jar module of the reactor (profiles' modules included) that is deployed. */
	private static Set<String> publishedModules() throws Exception {
		Set<String> published = new TreeSet<>();
		collect(ROOT, false, published);
		return published;
	}

	private static void collect(Path dir, boolean deploySkipped, Set<String> published) throws Exception {
		Element pom = read(dir.resolve("pom.xml"));
		boolean skipped = deploySkipped || children(pom, "properties").stream()
			.flatMap((properties) -> children(properties, "maven.deploy.skip").stream())
			.anyMatch((skip) -> "true".equals(skip.getTextContent().trim()));
		String packaging = children(pom, "packaging").isEmpty() ? "jar" : text(pom, "packaging");
		if (packaging.equals("jar") && !skipped) {
			published.add(text(pom, "artifactId"));
		}
		List<Element> moduleLists = new ArrayList<>(children(pom, "modules"));
		for (Element profiles : children(pom, "profiles")) {
			for (Element profile : children(profiles, "profile")) {
				moduleLists.addAll(children(profile, "modules"));
			}
		}
		for (Element modules : moduleLists) {
			for (Element module : children(modules, "module")) {
				Path child = dir.resolve(module.getTextContent().trim());
				assertThat(Files.isRegularFile(child.resolve("pom.xml"))).as(child + "/pom.xml").isTrue();
				collect(child, skipped, published);
			}
		}
	}

	/** This project's artifacts in a pom's dependencyManagement, each at the given version. */
	private static Set<String> managed(Element pom, String version) {
		Set<String> artifacts = new TreeSet<>();
		for (Element management : children(pom, "dependencyManagement")) {
			for (Element dependencies : children(management, "dependencies")) {
				for (Element dependency : children(dependencies, "dependency")) {
					if (text(dependency, "groupId").equals(GROUP)) {
						assertThat(text(dependency, "version")).as(text(dependency, "artifactId")).isEqualTo(version);
						artifacts.add(text(dependency, "artifactId"));
					}
				}
			}
		}
		return artifacts;
	}

	private static Element read(Path pom) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				children.add(element);
			}
		}
		return children;
	}

	private static String text(Element parent, String name) {
		List<Element> matches = children(parent, name);
		assertThat(matches).as("<" + name + "> in <" + parent.getTagName() + ">").hasSize(1);
		return matches.get(0).getTextContent().trim();
	}

}
