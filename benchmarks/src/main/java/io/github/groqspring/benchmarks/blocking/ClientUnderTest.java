package io.github.groqspring.benchmarks.blocking;

import io.github.groqspring.benchmarks.clients.BenchClient;
import io.github.groqspring.benchmarks.clients.Client;
import io.github.groqspring.benchmarks.server.Payload;
import io.github.groqspring.benchmarks.server.ServedClient;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One client against its own canned server process, shared by all benchmark threads of a
 * trial. The first call is checked before anything is measured.
 */
@State(Scope.Benchmark)
public class ClientUnderTest {

	@Param({ "RAW_JDK", "RESTCLIENT_HC5", "GROQ_TEMPLATE", "OPENAI_JAVA", "GROQ_CHAT_MODEL", "SPRING_AI", "LANGCHAIN4J" })
	public Client client = Client.RAW_JDK;

	@Param({ "SMALL", "LARGE" })
	public Payload payload = Payload.SMALL;

	private @Nullable ServedClient served;

	private @Nullable BenchClient bench;

	@Setup
	public void start() throws Exception {
		this.served = ServedClient.start(this.client, this.payload);
		this.bench = this.served.bench();
		Object answer = this.bench.chat();
		if (answer == null || (answer instanceof String text && !text.startsWith("Release 2.4")
				&& !text.startsWith("the release"))) {
			throw new IllegalStateException(this.client + " did not read the canned answer: " + answer);
		}
	}

	Object chat() throws Exception {
		return this.bench.chat();
	}

	@TearDown
	public void stop() throws Exception {
		if (this.served != null) {
			this.served.close();
		}
	}

}
