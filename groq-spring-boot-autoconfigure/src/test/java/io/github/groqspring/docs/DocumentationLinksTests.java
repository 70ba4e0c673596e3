package io.github.groqspring.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README and the pages under {@code docs/} link only to files and headings that exist,
 * as GitHub resolves relative links and heading anchors, and the docs index links every page.
 */
class DocumentationLinksTests {

	/** Pages written in parallel branches of issue 14, linked before they land. */
	private static final Set<String> ANNOUNCED = Set.of("docs/migration.md", "docs/build.md");

	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

	private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

	private final Path root = ProjectDirectory.root();

	@Test
	void everyRelativeLinkPointsToAnExistingFileAndHeading() {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			for (String target : links(read(page))) {
				String problem = problem(page, target);
				if (problem != null) {
					broken.add(this.root.relativize(page) + ": (" + target + ") " + problem);
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void docsIndexLinksEveryPageAndEveryPageHasATitle() {
		Path index = this.root.resolve("docs/README.md");
		Set<Path> linked = new LinkedHashSet<>();
		for (String target : links(read(index))) {
			linked.add(index.getParent().resolve(target.replaceFirst("#.*", "")).normalize());
		}
		for (Path page : pages()) {
			if (page.startsWith(this.root.resolve("docs")) && !page.equals(index)) {
				assertThat(linked).as("docs/README.md links " + this.root.relativize(page)).contains(page);
			}
			assertThat(read(page).lines().findFirst()).as(this.root.relativize(page) + " starts with a # title")
				.hasValueSatisfying((line) -> assertThat(line).startsWith("# "));
		}
	}

	@Test
	void anchorsAreSluggedAsGitHubSlugsHeadings() {
		assertThat(anchors("# Health: `groq` on `/actuator/health`\n## Retries\n```\n# not a heading\n```\n## Retries\n"))
			.containsExactly("health-groq-on-actuatorhealth", "retries", "retries-1");
	}

	/** What is wrong with a link, or {@code null} when it resolves. */
	private @Nullable String problem(Path page, String target) {
		if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
			return null;
		}
		if (target.startsWith("/")) {
			return "is absolute: make it relative to the page";
		}
		int hash = target.indexOf('#');
		String path = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
		if (!file.startsWith(this.root)) {
			return "leaves the repository";
		}
		if (!Files.exists(file)) {
			return ANNOUNCED.contains(this.root.relativize(file).toString().replace('\\', '/')) ? null : "no such file";
		}
		if (anchor != null && !(file.toString().endsWith(".md") && anchors(read(file)).contains(anchor))) {
			return "no heading with anchor #" + anchor + " in " + this.root.relativize(file);
		}
		return null;
	}

	private List<Path> pages() {
		try (Stream<Path> docs = Files.walk(this.root.resolve("docs"))) {
			List<Path> pages = new ArrayList<>(List.of(this.root.resolve("README.md")));
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
			return pages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Link targets outside fenced code blocks and code spans. */
	static List<String> links(String markdown) {
		List<String> targets = new ArrayList<>();
		for (String line : prose(markdown)) {
			Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll("code"));
			while (link.find()) {
				targets.add(link.group(1));
			}
		}
		return targets;
	}

	/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to dashes. */
	static List<String> anchors(String markdown) {
		List<String> anchors = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (String line : prose(markdown)) {
			Matcher heading = HEADING.matcher(line);
			if (heading.matches()) {
				String text = heading.group(1).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "").replace("*", "");
				String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
				int count = seen.merge(slug, 1, Integer::sum);
				anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
			}
		}
		return anchors;
	}

	/** The lines outside fenced code blocks. */
	private static List<String> prose(String markdown) {
		List<String> lines = new ArrayList<>();
		boolean fenced = false;
		for (String line : markdown.split("\n", -1)) {
			if (line.strip().startsWith("```")) {
				fenced = !fenced;
			}
			else if (!fenced) {
				lines.add(line);
			}
		}
		return lines;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
