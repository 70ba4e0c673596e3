package io.github.groqspring.batch;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.groqspring.internal.http.ContentWriter;
import io.github.groqspring.internal.http.GroqHttpClient;
import io.github.groqspring.internal.http.GroqHttpClient.HttpResult;
import io.github.groqspring.internal.http.RetryListener;
import io.github.groqspring.internal.observation.GroqObserver;
import io.github.groqspring.observation.GroqObservationContext;
import io.github.groqspring.observation.GroqOperationType;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's files at Groq: batch inputs ({@code purpose=batch}) and the output
 * and error files of batches ({@code batch_output}). Groq keeps them 30 days; delete them
 * sooner here. Obtained from {@code GroqBatchTemplate.files()}. Each call is one
 * observation ({@code list_files}, {@code get_file}, {@code download_file},
 * {@code delete_file}).
 */
public final class BatchFiles {

	static final String PATH = "/openai/v1/files";

	private final GroqHttpClient httpClient;

	private final GroqObserver observer;

	BatchFiles(GroqHttpClient httpClient, GroqObserver observer) {
		this.httpClient = httpClient;
		this.observer = observer;
	}

	/**
	 * All files.
	 * @return the files
	 */
	public List<BatchFile> list() {
		return observe(GroqOperationType.LIST_FILES, (listener) -> this.httpClient.get(PATH, FileList.class, listener))
			.data();
	}

	/**
	 * One file's details.
	 * @param fileId the file's id
	 * @return the file
	 * @throws io.github.groqspring.error.GroqNotFoundException when there is no such file
	 */
	public BatchFile get(String fileId) {
		String id = requireId(fileId);
		return observe(GroqOperationType.GET_FILE,
				(listener) -> this.httpClient.get(PATH + "/{id}", BatchFile.class, listener, id));
	}

	/**
	 * A file's content, streamed as it arrives. Its {@code download_file} observation covers
	 * opening the response (status and request id included), not reading it.
	 * @param fileId the file's id
	 * @return the content; the caller must close it, which releases the connection
	 */
	public InputStream download(String fileId) {
		String id = requireId(fileId);
		return observe(GroqOperationType.DOWNLOAD_FILE,
				(listener) -> this.httpClient.download(PATH + "/{id}/content", listener, id));
	}

	/**
	 * Read a result file (a batch's output or error file) line by line.
	 * @param fileId the file's id
	 * @return the reader; the caller must close it, which releases the connection
	 */
	public BatchResultReader readResults(String fileId) {
		return new BatchResultReader(download(fileId), this.httpClient.jsonMapper(), "file " + fileId,
				this.httpClient.keyMask());
	}

	/**
	 * Delete a file.
	 * @param fileId the file's id
	 * @return Groq's answer
	 */
	public FileDeletion delete(String fileId) {
		String id = requireId(fileId);
		return observe(GroqOperationType.DELETE_FILE,
				(listener) -> this.httpClient.delete(PATH + "/{id}", FileDeletion.class, listener, id));
	}

	/** Upload a JSONL input file ({@code purpose=batch}), streamed from {@code content}. */
	BatchFile upload(String filename, long length, ContentWriter content) {
		return observe(GroqOperationType.UPLOAD_FILE, (listener) -> this.httpClient.postMultipart(PATH,
				Map.of("purpose", "batch"), "file", filename, length, content, BatchFile.class));
	}

	private <T> T observe(GroqOperationType operation, Function<RetryListener, HttpResult<T>> call) {
		return this.observer.observe(() -> new GroqObservationContext(operation), call).body();
	}

	private static String requireId(String fileId) {
		if (fileId.isBlank()) {
			throw new IllegalArgumentException("fileId must not be blank");
		}
		return fileId;
	}

	/** Groq's file list. */
	record FileList(@Nullable String object, List<BatchFile> data) {

		FileList {
			data = (data != null) ? List.copyOf(data) : List.of();
		}

	}

}
