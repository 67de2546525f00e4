package dev.gansvc.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gansvc.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A page of another origin cannot change anything through a visitor's browser: not with a form
 * (which needs no CORS preflight), not with a text/plain fetch, not with a preflighted request.
 * Reads, clients that are not browsers, the service's own pages and allowed origins pass.
 */
@ServiceTest
class CrossSiteRequestTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aFormPostFromAnotherSiteIsRefusedBeforeItActs() throws Exception {
        mvc.perform(post("/jobs/424242/cancel").header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/jobs/424242/cancel").header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/datasets/anything").header("Sec-Fetch-Site", "same-site"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/datasets")
                        .header("Origin", "null")
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .content("--x--"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSameOriginAndClientsWithoutBrowserHeadersReachTheApi() throws Exception {
        // 404: the request got past the filter to the controller, which knows no such job.
        mvc.perform(post("/jobs/424242/cancel")).andExpect(status().isNotFound());
        mvc.perform(post("/jobs/424242/cancel").header("Sec-Fetch-Site", "same-origin"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/jobs/424242/cancel").header("Origin", "http://localhost"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/jobs/424242").header("Sec-Fetch-Site", "cross-site")).andExpect(status().isNotFound());
    }

    @Test
    void aTextPlainPostCannotSubmitAJob() throws Exception {
        mvc.perform(post("/jobs")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("{\"model\":\"dcgan\",\"dataset\":\"mnist\"}"))
                .andExpect(status().isUnsupportedMediaType());
    }

    /** A browser sends the request only if the preflight's answer allows its origin. */
    @Test
    void corsIsClosedByDefault() throws Exception {
        mvc.perform(options("/jobs")
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    }

    @Test
    void anAllowedOriginPasses() throws Exception {
        CrossSiteRequestFilter filter = new CrossSiteRequestFilter(new WebProperties(List.of("https://Dash.example")));
        assertThat(statusOf(filter, "https://dash.example:443", "cross-site")).isEqualTo(200);
        assertThat(statusOf(filter, "https://dash.example.evil", "cross-site")).isEqualTo(403);
        assertThat(statusOf(filter, "http://dash.example", "cross-site"))
                .as("another scheme")
                .isEqualTo(403);
    }

    private static int statusOf(CrossSiteRequestFilter filter, String origin, String site) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/jobs/1/cancel");
        request.addHeader("Origin", origin);
        request.addHeader("Sec-Fetch-Site", site);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }
}
