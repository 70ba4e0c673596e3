package io.github.groqspring.testsupport;

/**
 * Groq answers beyond text, as captured or as Groq's docs and API reference show them, for
 * parsing tests on every path (blocking, batch).
 */
public final class CapturedAnswers {

	/** Captured: qwen/qwen3-32b with reasoning_format parsed (vercel/ai groq-reasoning.json), content shortened. */
	public static final String REASONING_COMPLETION = """
			{"id":"chatcmpl-73cf8a54-d54e-400c-88b8-603d1a346d96","object":"chat.completion","created":1770770833,\
			"model":"qwen/qwen3-32b","choices":[{"index":0,"message":{"role":"assistant",\
			"content":"The word \\"strawberry\\" contains **3** r's.","reasoning":"Okay, so the user is asking how many times"},\
			"logprobs":null,"finish_reason":"stop"}],"usage":{"queue_time":0.335637089,"prompt_tokens":17,\
			"prompt_time":0.000658349,"completion_tokens":649,"completion_time":1.231022196,"total_tokens":666,\
			"total_time":1.231680545,"completion_tokens_details":{"reasoning_tokens":570}},"usage_breakdown":null,\
			"system_fingerprint":"fp_5cf921caa2","x_groq":{"id":"req_01kh52n6v2fr2b5m32125xqb7b","seed":1186842417},\
			"service_tier":"on_demand"}""";

	/**
	 * A compound answer as Groq's built-in tools docs show it (usage without timings, a total
	 * above prompt plus completion), with a gpt-oss code_interpreter run (code execution docs),
	 * a search with results (web search docs), annotations (API reference), cached tokens,
	 * x_groq.usage cache statistics and a usage breakdown (API reference; values illustrative).
	 */
	public static final String TOOLS_COMPLETION = """
			{"id":"stub","object":"chat.completion","created":1761750004,"model":"groq/compound",\
			"choices":[{"index":0,"message":{"role":"assistant","content":"**Current weather in Tokyo** is 18 C.",\
			"executed_tools":[\
			{"index":0,"type":"search","arguments":"{\\"query\\": \\"current weather in Tokyo\\"}",\
			"output":"Title: Weather for Tokyo, Japan...\\n...",\
			"search_results":{"results":[{"title":"Model Release Notes | OpenAI Help Center",\
			"url":"https://help.openai.com/en/articles/9624314-model-release-notes","content":"Launching OpenAI o3-pro",\
			"score":0.5377946}],"images":["https://example.com/tokyo.png"]}},\
			{"name":"python","index":1,"type":"function","arguments":"import math\\nmath.sqrt(12345)\\n",\
			"search_results":{"results":null},"code_results":[{"text":"111.1080555135405"},\
			{"png":"iVBORw0KGgo=","chart":{"type":"bar","title":"Rain","x_label":"day","y_label":"mm",\
			"elements":[{"label":"Mon","group":"rain","value":3.5}]}}]},\
			{"string":"","name":"","index":2,"type":"python","arguments":"{\\"code\\": \\"print(1)\\"}","output":"1\\n",\
			"search_results":{"results":[]}}],\
			"annotations":[{"type":"document_citation","document_citation":{"document_id":"doc-1","start_index":0,"end_index":27}},\
			{"type":"function_citation","function_citation":{"tool_call_id":"call_abc","start_index":28,"end_index":60}},\
			{"type":"something_newer"}]},"finish_reason":"stop"}],\
			"usage":{"prompt_tokens":116,"completion_tokens":571,"total_tokens":7340,"prompt_tokens_details":{"cached_tokens":64}},\
			"usage_breakdown":{"models":[{"model":"openai/gpt-oss-120b","usage":{"prompt_tokens":116,"completion_tokens":571,\
			"total_tokens":687,"queue_time":0.02,"prompt_time":0.01,"completion_time":0.9,"total_time":0.91}}]},\
			"x_groq":{"id":"req_01kh52n6v2fr2b5m32125xqb7c","seed":7,"usage":{"sram_cached_tokens":0,"dram_cached_tokens":64}},\
			"service_tier":"on_demand"}""";

	private CapturedAnswers() {
	}

}
