package io.github.groqspring.audio;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large upload's heap use stays flat: {@link LargeUploadProbe} uploads 100 MB twice (a file
 * and a generated stream) from a JVM whose heap (64 MB) is smaller than the upload, to an
 * emulator in that same JVM, with the upload limit raised for it; both sides stream.
 * Holding the file whole anywhere would end in an {@code OutOfMemoryError}.
 */
class LargeUploadHeapTests {

	private static final long MAX_HEAP = 64L * 1024 * 1024;

	@Test
	void hundredMegabytesUploadInASixtyFourMegabyteHeap() throws Exception {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-XX:+UseSerialGC",
				"-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + System.getProperty("java.io.tmpdir"), "-cp",
				classpath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
				LargeUploadProbe.class.getName()))
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		String printed = new String(output, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(printed).isZero();
		Matcher line = java.util.regex.Pattern.compile("max_heap=(\\d+) heap_before=(\\d+) peak_heap_used=(\\d+) "
				+ "file_bytes=(\\d+) file_sha_ok=(\\w+) file_ms=(\\d+) stream_bytes=(\\d+) stream_sha_ok=(\\w+) "
				+ "stream_ms=(\\d+) text=(.*)").matcher(printed);
		assertThat(line.find()).as(printed).isTrue();
		System.out.println("Large upload: " + line.group());
		assertThat(Long.parseLong(line.group(1))).isLessThanOrEqualTo(MAX_HEAP).isLessThan(LargeUploadProbe.SIZE);
		assertThat(Long.parseLong(line.group(3))).isLessThan(MAX_HEAP);
		assertThat(Long.parseLong(line.group(4))).isEqualTo(LargeUploadProbe.SIZE);
		assertThat(line.group(5)).isEqualTo("true");
		assertThat(Long.parseLong(line.group(7))).isEqualTo(LargeUploadProbe.SIZE);
		assertThat(line.group(8)).isEqualTo("true");
		assertThat(line.group(10)).isEqualTo("Emulated transcript of large.flac: 6553.6 seconds of audio.");
	}

}
