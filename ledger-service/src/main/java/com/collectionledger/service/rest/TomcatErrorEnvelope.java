package com.collectionledger.service.rest;

import com.collectionledger.api.error.ErrorKind;
import com.collectionledger.api.error.LedgerError;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests that Tomcat itself turns away before any filter or route sees them (an encoded
 * {@code /} or {@code \} or NUL in the path, a path that is not UTF-8) get the error envelope
 * too, instead of Tomcat's HTML error page: the host's error report valve is replaced by one that
 * writes the envelope.
 */
@Component
class TomcatErrorEnvelope implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ObjectMapper json;

    TomcatErrorEnvelope(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                // The host adds a valve of this class on start unless it already has one.
                host.setErrorReportValveClass(EnvelopeValve.class.getName());
                host.getPipeline().addValve(new EnvelopeValve(json));
            }
        });
    }

    static final class EnvelopeValve extends ErrorReportValve {

        private final ObjectMapper json;

        EnvelopeValve(ObjectMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            // As Tomcat's own: only errors, only once, only when nothing was written and I/O still works.
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json.writeValueAsString(envelope(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone or the response cannot be written: nothing more to do
            }
        }

        static Map<String, Object> envelope(int status) {
            ErrorKind kind = Arrays.stream(ErrorKind.values()).filter(k -> ErrorEnvelope.status(k) == status).findFirst()
                    .orElse(status >= 500 ? ErrorKind.INTERNAL : ErrorKind.BAD_REQUEST);
            String message = switch (status) {
                case 400 -> "the request cannot be read: its path, query or headers are not valid";
                case 404 -> "no route for this path";
                case 413 -> "the request is larger than this service reads";
                default -> status >= 500 ? "internal error" : "the request was rejected (HTTP " + status + ")";
            };
            Map<String, Object> body = ErrorEnvelope.of(LedgerError.of(kind, message));
            if (ErrorEnvelope.status(kind) != status) {
                // A status without a kind of its own (e.g. 405, 414, 431): the envelope still tells the truth.
                body.put("status", status);
            }
            return body;
        }
    }
}
