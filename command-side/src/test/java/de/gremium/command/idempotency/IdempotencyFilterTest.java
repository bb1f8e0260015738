package de.gremium.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.ModelAndView;

class IdempotencyFilterTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAnswerWhoseCommitFailedIsDroppedWholeBeforeTheRefusalIsWritten() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("anna.amt50", "n/a", "ROLE_MITGLIED"));
        JdbcTemplate claimsEveryKey = new JdbcTemplate() {
            @Override
            public int update(String sql, Object... args) {
                return 1;
            }
        };
        List<String> seenByTheRefusal = new ArrayList<>();
        IdempotencyFilter filter = new IdempotencyFilter(new IdempotencyRecords(claimsEveryKey),
                new TransactionTemplate(new CommitFails()), new ObjectMapper(), Clock.systemUTC(),
                (request, response, handler, failure) -> {
                    seenByTheRefusal.add("status " + response.getStatus() + ", content type " + response.getContentType()
                            + ", location " + response.getHeader("Location"));
                    response.setStatus(503);
                    response.setContentType("application/problem+json");
                    return new ModelAndView();
                }, Duration.ofHours(24));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/problem-reports");
        request.addHeader(IdempotencyFilter.HEADER, "key-1");
        request.setContent("{}".getBytes());
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(201);
            http.setHeader("Location", "/api/problem-reports/r-1");
            http.setContentType("application/json");
            http.getOutputStream().write("{\"id\":\"r-1\"}".getBytes());
        });

        assertThat(seenByTheRefusal).containsExactly("status 200, content type null, location null");
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Location")).isNull();
        assertThat(response.getContentAsString()).doesNotContain("r-1");
    }

    /** A transaction manager whose commit fails as PostgreSQL's does when the server goes away. */
    static final class CommitFails extends AbstractPlatformTransactionManager {
        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            throw new DataAccessResourceFailureException("JDBC commit; FATAL: terminating connection");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
