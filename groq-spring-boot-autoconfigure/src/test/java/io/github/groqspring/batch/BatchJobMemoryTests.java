package io.github.groqspring.batch;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.groqspring.test.GroqEmulator;
import io.github.groqspring.test.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million small requests submitted as one job, awaited and read back by a client JVM with
 * 64 MB of heap, against the emulator in this JVM answering compactly. Tagged to run in a
 * surefire JVM of its own (see this module's pom).
 */
@Tag("million-requests")
class BatchJobMemoryTests {

	@Test
	void aMillionRequestsRunAsTwentyBatchesInSixtyFourMegabytesOfHeap() throws Exception {
		try (GroqEmulator emulator = GroqEmulator.start()) {
			emulator.batches().compactAnswers(true);
			long cpuBefore = MillionRequestJob.cpuMillis();
			String output = run(emulator, "64m", 1_000_000, "job");
			long emulatorCpu = MillionRequestJob.cpuMillis() - cpuBefore;
			assertThat(output.lines().findFirst()).hasValue(
					"requests=1000000 parts=20 successes=1000000 failures=0 duplicates=0 missing=0");
			assertThat(output).containsPattern("peak heap \\d+ MB of \\d+ MB; submit \\d+ ms, await \\d+ ms, results \\d+ ms; CPU \\d+ ms");
			List<RecordedRequest> uploads = emulator.requests()
				.stream()
				.filter((request) -> request.method().equals("POST") && request.path().equals("/openai/v1/files"))
				.toList();
			assertThat(uploads).as("what went over the wire").hasSize(20).allSatisfy((upload) -> {
				assertThat(count(upload.body(), "{\"custom_id\":")).isEqualTo(50_000);
				assertThat(upload.body().length).isLessThan(100 * 1024 * 1024);
			});
			assertThat(emulator.requests()).filteredOn((request) -> request.path().equals("/openai/v1/batches"))
				.hasSize(20);
			System.out.println(output + "emulator's JVM: CPU " + emulatorCpu + " ms");
		}
	}

	private static int count(byte[] body, String text) {
		byte[] target = text.getBytes(StandardCharsets.UTF_8);
		int count = 0;
		for (int i = 0; i <= body.length - target.length; i++) {
			if (body[i] == target[0] && Arrays.equals(body, i, i + target.length, target, 0, target.length)) {
				count++;
			}
		}
		return count;
	}

	private static String run(GroqEmulator emulator, String heap, int requests, String mode) throws Exception {
		List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
				+ File.separator + "java", "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				MillionRequestJob.class.getName(), emulator.baseUrl(), Integer.toString(requests), mode));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] out = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		String text = new String(out, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(text).isZero();
		return text;
	}

}
