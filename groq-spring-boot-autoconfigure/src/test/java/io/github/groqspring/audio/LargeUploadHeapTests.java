package io.github.groqspring.audio;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large upload's heap use stays flat: {@link LargeUploadProbe} uploads 100 MB twice (a file
 * and a generated stream) from a JVM whose heap (64 MB) is smaller than the upload, to an
 * emulator in that same JVM, with the upload limit raised for it; both sides stream.
 * Holding the file whole anywhere, on the client or in the emulator, would end in an
 * {@code OutOfMemoryError}; the heap sampled during the uploads stays under half the upload,
 * and what is left after them is what was there before.
 */
class LargeUploadHeapTests {

	private static final long MAX_HEAP = 64L * 1024 * 1024;

	private static final Pattern PRINTED = Pattern.compile("max_heap=(\\d+) heap_before=(\\d+) peak_heap_used=(\\d+) "
			+ "heap_after=(\\d+) file_bytes=(\\d+) file_sha_ok=(\\w+) file_ms=(\\d+) stream_bytes=(\\d+) "
			+ "stream_sha_ok=(\\w+) stream_ms=(\\d+) text=(.*)");

	@Test
	void hundredMegabytesUploadInASixtyFourMegabyteHeap(@TempDir Path temp) throws Exception {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
		Path output = temp.resolve("probe.out");
		Process process = new ProcessBuilder(List.of(javaBin.toString(), "-Xmx64m", "-XX:+UseSerialGC",
				"-Djava.io.tmpdir=" + temp, "-cp",
				classpath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
				LargeUploadProbe.class.getName()))
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		process.getOutputStream().close();
		boolean exited = process.waitFor(2, TimeUnit.MINUTES);
		if (!exited) {
			process.destroyForcibly().waitFor();
		}
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		assertThat(exited).as("the probe ended within 2 minutes: %s", printed).isTrue();
		assertThat(process.exitValue()).as(printed).isZero();
		Matcher line = PRINTED.matcher(printed);
		assertThat(line.find()).as(printed).isTrue();
		System.out.println("Large upload: " + line.group());
		long maxHeap = Long.parseLong(line.group(1));
		long before = Long.parseLong(line.group(2));
		assertThat(maxHeap).isLessThanOrEqualTo(MAX_HEAP).isLessThan(LargeUploadProbe.SIZE);
		assertThat(Long.parseLong(line.group(3))).as("peak heap used").isLessThan(LargeUploadProbe.SIZE / 2);
		assertThat(Long.parseLong(line.group(4))).as("heap used after the uploads").isLessThan(before + (8L << 20));
		assertThat(Long.parseLong(line.group(5))).isEqualTo(LargeUploadProbe.SIZE);
		assertThat(line.group(6)).isEqualTo("true");
		assertThat(Long.parseLong(line.group(8))).isEqualTo(LargeUploadProbe.SIZE);
		assertThat(line.group(9)).isEqualTo("true");
		assertThat(line.group(11)).isEqualTo("Emulated transcript of large.flac: 6553.6 seconds of audio.");
	}

}
