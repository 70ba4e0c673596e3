package io.github.groqspring.aot;

import java.util.List;

import io.github.groqspring.audio.SpeechRequest;
import io.github.groqspring.audio.TranscriptionSegment;
import io.github.groqspring.audio.TranscriptionWord;
import io.github.groqspring.batch.Batch;
import io.github.groqspring.batch.BatchFile;
import io.github.groqspring.batch.BatchPage;
import io.github.groqspring.batch.FileDeletion;
import io.github.groqspring.chat.Annotation;
import io.github.groqspring.chat.ChatCompletion;
import io.github.groqspring.chat.ChatMessage;
import io.github.groqspring.chat.ChatRequest;
import io.github.groqspring.chat.CitationOptions;
import io.github.groqspring.chat.CompoundCustom;
import io.github.groqspring.chat.ContentPart;
import io.github.groqspring.chat.Document;
import io.github.groqspring.chat.ExecutedTool;
import io.github.groqspring.chat.ReasoningEffort;
import io.github.groqspring.chat.ReasoningFormat;
import io.github.groqspring.chat.ResponseFormat;
import io.github.groqspring.chat.ResponseMessage;
import io.github.groqspring.chat.SearchSettings;
import io.github.groqspring.chat.StreamOptions;
import io.github.groqspring.chat.Tool;
import io.github.groqspring.chat.ToolCall;
import io.github.groqspring.chat.ToolChoice;
import io.github.groqspring.chat.Usage;
import io.github.groqspring.chat.UsageBreakdown;
import io.github.groqspring.error.GroqError;
import io.github.groqspring.models.GroqModel;
import io.github.groqspring.models.GroqModelList;
import io.github.groqspring.stream.ChatCompletionChunk;
import io.github.groqspring.tier.ServiceTier;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for every type Jackson reads or writes on Groq's wire (chat, streams,
 * models, batches and files, audio), so that they (de)serialize in a native image as on the JVM.
 * Records an application reads with {@code StructuredOutput} are the application's to hint.
 */
class GroqRuntimeHints implements RuntimeHintsRegistrar {

	/** The wire types; nested types are reached through their properties. */
	static final List<Class<?>> WIRE_TYPES = List.of(ChatRequest.class, ChatMessage.class, ToolCall.class,
			ToolCall.FunctionCall.class, Tool.class, Tool.Function.class, ToolChoice.class, ResponseFormat.class,
			ResponseFormat.JsonSchema.class, ReasoningEffort.class, ReasoningFormat.class, ServiceTier.class,
			ChatCompletion.class, ChatCompletion.Choice.class, ChatCompletion.XGroq.class, ResponseMessage.class,
			Usage.class, Usage.PromptTokensDetails.class, Usage.CompletionTokensDetails.class, GroqError.class,
			GroqModel.class, GroqModelList.class, ChatCompletionChunk.class, Batch.class, BatchFile.class,
			BatchPage.class, FileDeletion.class, ContentPart.TextPart.class, ContentPart.ImagePart.class,
			ContentPart.ImagePart.ImageUrl.class, ContentPart.ImageDetail.class, ContentPart.DocumentPart.class,
			ContentPart.DocumentPart.Document.class, Document.class, Document.TextSource.class,
			Document.JsonSource.class, CitationOptions.class, SearchSettings.class, CompoundCustom.class,
			StreamOptions.class, ExecutedTool.class, Annotation.class, UsageBreakdown.class,
			ChatCompletion.CacheUsage.class, SpeechRequest.class, TranscriptionSegment.class, TranscriptionWord.class);

	/** Wire types the batch and audio packages keep to themselves. */
	static final List<String> INTERNAL_WIRE_TYPES = List.of("io.github.groqspring.batch.BatchFiles$FileList",
			"io.github.groqspring.batch.BatchInputWriter$Line", "io.github.groqspring.batch.GroqBatchTemplate$CreateBatch",
			"io.github.groqspring.audio.TranscriptionBody");

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindingRegistrar.registerReflectionHints(hints.reflection(), WIRE_TYPES.toArray(Class<?>[]::new));
		for (String name : INTERNAL_WIRE_TYPES) {
			this.bindingRegistrar.registerReflectionHints(hints.reflection(),
					ClassUtils.resolveClassName(name, GroqRuntimeHints.class.getClassLoader()));
		}
	}

}
