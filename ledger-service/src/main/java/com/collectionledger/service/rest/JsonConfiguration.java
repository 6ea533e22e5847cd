package com.collectionledger.service.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;

/**
 * The HTTP JSON: snake_case (application.yml), strict about types, so a wrong type is a 422, and
 * about syntax, so malformed JSON is a 400 wherever it is. Request bodies nest at most
 * {@value #MAX_BODY_DEPTH} levels. Every response is JSON, whatever the client's {@code Accept} says.
 */
@Configuration
class JsonConfiguration implements WebMvcConfigurer {

    /**
     * How deep a request body may nest. Far below Jackson's own limit of 1000, which the event
     * store, the read model and the history also read and write with: what a client sends is
     * stored a few levels deeper there, and a body near 1000 levels made rows that could no longer
     * be read (every list of the namespace failed).
     */
    static final int MAX_BODY_DEPTH = 128;

    /**
     * JSON is the only representation: without this, an {@code Accept} the service cannot meet
     * failed only after the route had run (a write stored, then a 406 or 500 answered) and turned
     * the error envelope itself into an empty 500 or an HTML page.
     */
    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }

    /**
     * The HTTP mapper, declared because Axon's own mapper bean would otherwise make Spring Boot
     * back off from creating it (and MVC would silently use Axon's camelCase one).
     */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictTypes() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .postConfigurer(mapper -> {
                    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_BODY_DEPTH).build());
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Boolean)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
    }

    /** The JSON converter of every route, reading bodies with {@link SyntaxFirstConverter}. */
    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        return new SyntaxFirstConverter(objectMapper);
    }

    /**
     * Reads the whole body as JSON before binding it: Jackson binds as it parses, so a value of the
     * wrong shape ahead of a syntax error (or of trailing garbage) was answered as a 422 about that
     * value, not as the 400 of malformed JSON. Bodies are small (the size limit), so reading twice
     * costs little.
     */
    static final class SyntaxFirstConverter extends MappingJackson2HttpMessageConverter {

        SyntaxFirstConverter(ObjectMapper objectMapper) {
            super(objectMapper);
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
            return super.read(type, contextClass, checked(input));
        }

        @Override
        protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
            return super.readInternal(clazz, checked(input));
        }

        private HttpInputMessage checked(HttpInputMessage input) throws IOException {
            byte[] body = input.getBody().readAllBytes();
            Charset charset = getCharset(input.getHeaders().getContentType());
            try {
                if (charset.name().startsWith("UTF-")) {
                    getObjectMapper().readTree(body);
                } else {
                    getObjectMapper().readTree(new String(body, charset));
                }
            } catch (JsonProcessingException e) {
                throw new HttpMessageNotReadableException("JSON parse error: " + e.getOriginalMessage(), e, input);
            }
            return new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            };
        }
    }
}
