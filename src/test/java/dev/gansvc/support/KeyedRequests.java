package dev.gansvc.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests sent with an API key, and keys made with the admin key, for tests of the service in keys mode. */
public record KeyedRequests(MockMvc mvc, JsonMapper json, String adminKey) {

    public ResultActions as(String key, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key));
    }

    /** A new key of {@code role}: its {@code id}, {@code name}, {@code role} and {@code key}. */
    public JsonNode create(String name, String role) throws Exception {
        String body = as(
                        adminKey,
                        post("/keys")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }
}
