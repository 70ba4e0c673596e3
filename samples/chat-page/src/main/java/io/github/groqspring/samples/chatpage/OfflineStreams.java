package io.github.groqspring.samples.chatpage;

import java.time.Duration;

import io.github.groqspring.test.EmulatedStream;
import io.github.groqspring.test.GroqEmulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When the page runs offline, makes the embedded emulator stream its usual reply one word
 * every {@value #PACE_MILLIS} ms, with Groq's usage chunk (which names the tier that served),
 * so that the tokens arrive visibly apart. Does nothing when the sample calls Groq.
 */
@Component
class OfflineStreams {

	static final long PACE_MILLIS = 120;

	private final ObjectProvider<GroqEmulator> emulator;

	OfflineStreams(ObjectProvider<GroqEmulator> emulator) {
		this.emulator = emulator;
	}

	void paceNextStream() {
		this.emulator.ifAvailable((groq) -> groq.enqueueStream(
				EmulatedStream.usualReply().withChunkDelay(Duration.ofMillis(PACE_MILLIS)).withUsageChunk()));
	}

}
