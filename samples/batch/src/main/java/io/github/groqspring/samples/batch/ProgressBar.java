package io.github.groqspring.samples.batch;

import java.io.PrintStream;
import java.util.function.Consumer;

import io.github.groqspring.batch.Batch;

/**
 * A textual progress bar for a batch or a job: redrawn in place on a terminal, one line per change
 * otherwise (logs, tests).
 */
class ProgressBar implements Consumer<Batch> {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final boolean redraw;

	ProgressBar(PrintStream out, boolean redraw) {
		this.out = out;
		this.redraw = redraw;
	}

	@Override
	public void accept(Batch batch) {
		show(batch.requestCounts(), batch.status().toString());
	}

	/** Draw the bar for these counts, followed by a status. */
	void show(Batch.RequestCounts counts, String status) {
		int percent = (counts.total() > 0) ? (int) (100 * counts.done() / counts.total()) : 0;
		int filled = WIDTH * percent / 100;
		String line = String.format("[%s%s] %3d%% %d/%d done, %d failed  %s", "#".repeat(filled),
				"-".repeat(WIDTH - filled), percent, counts.done(), counts.total(), counts.failed(), status);
		if (this.redraw) {
			this.out.print("\r" + line + "   ");
		}
		else {
			this.out.println(line);
		}
	}

	void finish() {
		if (this.redraw) {
			this.out.println();
		}
	}

}
