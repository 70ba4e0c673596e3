package io.github.groqspring.samples.springai;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;

/** A stand-in for a weather service, offered to the model as a Spring AI tool. */
public class WeatherTools {

	/**
	 * The current weather in a city: the same answer every time.
	 * @param city the city
	 * @return the weather as JSON
	 */
	@Tool(description = "The current weather in a city")
	public String currentWeather(@ToolParam(description = "The city, e.g. Paris") String city) {
		return "{\"city\":\"" + city + "\",\"celsius\":18,\"sky\":\"cloudy\"}";
	}

}
