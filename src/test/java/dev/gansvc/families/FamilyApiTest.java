package dev.gansvc.families;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gansvc.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The model-family catalogue ({@code GET /models/families}) and the API document's job request
 * schema, both made from the family registry. One class, so that the suite starts one context.
 */
@ServiceTest
class FamilyApiTest {

    private static final List<String> IDS =
            List.of("gan", "dcgan", "dcgan64", "cgan", "wgan-gp", "ebgan", "vae", "vaegan", "gmmn", "autoencoder");
    private static final String JOB_REQUEST = "$.components.schemas.JobRequest";

    @Autowired
    MockMvc mvc;

    // --- the API document -------------------------------------------------------------------

    private ResultActions apiDocs() throws Exception {
        return mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
    }

    @Test
    void apiDocumentIsOpenApi31() throws Exception {
        apiDocs().andExpect(jsonPath("$.openapi").value(org.hamcrest.Matchers.startsWith("3.1")));
    }

    @Test
    void jobRequestNamesEveryFamilyAndRequiresModelAndDatasetOrAModelToContinue() throws Exception {
        apiDocs()
                .andExpect(jsonPath(JOB_REQUEST + ".type").value("object"))
                .andExpect(jsonPath(JOB_REQUEST + ".anyOf[0].required", containsInAnyOrder("model", "dataset")))
                .andExpect(jsonPath(JOB_REQUEST + ".anyOf[1].required", contains("from")))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.from.properties.model.type")
                        .value("integer"))
                .andExpect(jsonPath(JOB_REQUEST + ".additionalProperties").value(false))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.model.type").value("string"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.model.enum", contains(IDS.toArray())))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.model.description", containsString("wgan-gp")))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.dataset.type").value("string"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.seed.type").value("integer"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.seed.format").value("int64"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties", not(hasKey("settings"))));
    }

    @Test
    void jobRequestVariantsSayWhichFamilyReadsThem() throws Exception {
        apiDocs()
                .andExpect(jsonPath(JOB_REQUEST + ".properties.variant.type").value("string"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.variant.enum", hasItem("denoising")))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.variant.description", containsString("autoencoder")));
    }

    @Test
    void jobRequestOptionsCarryTheirRanges() throws Exception {
        apiDocs()
                .andExpect(jsonPath(JOB_REQUEST + ".properties.r1Until.type").value("number"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.r1Until.maximum").value(1))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.r1Until.exclusiveMinimum")
                        .value(0))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.r1Until", not(hasKey("minimum"))))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.r1Until", not(hasKey("exclusiveMaximum"))))
                .andExpect(jsonPath(
                        JOB_REQUEST + ".properties.r1Until.description",
                        containsString("Read by: gan, dcgan64, cgan.")))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.beta1.minimum").value(0))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.beta1.exclusiveMaximum")
                        .value(1))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.epochs.type").value("integer"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.epochs.minimum").value(1))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.epochs.maximum").value(1000))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.epochs.description", containsString("All families.")))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.loss.type").value("string"))
                .andExpect(jsonPath(JOB_REQUEST + ".properties.loss.enum", contains("non-saturating", "minimax")))
                .andExpect(
                        jsonPath(JOB_REQUEST + ".properties.noiseLevel.maximum").value(10))
                .andExpect(jsonPath(
                        JOB_REQUEST + ".properties.noiseLevel.description", containsString("Read by: autoencoder.")));
    }

    @Test
    void submitStillRefersToTheJobRequestSchema() throws Exception {
        apiDocs()
                .andExpect(jsonPath("$.paths['/jobs'].post.requestBody.content['application/json'].schema['$ref']")
                        .value("#/components/schemas/JobRequest"))
                .andExpect(jsonPath("$.paths['/jobs'].post.responses['415'].description")
                        .value("Body is not application/json"));
    }

    @Test
    void listingsDocumentTheirPagingLimits() throws Exception {
        for (String path : List.of("/jobs", "/models")) {
            String size = "$.paths['" + path + "'].get.parameters[?(@.name == 'size')].schema";
            apiDocs()
                    .andExpect(jsonPath(size + ".maximum").value(200))
                    .andExpect(jsonPath(size + ".minimum").value(1))
                    .andExpect(jsonPath("$.paths['" + path + "'].get.parameters[?(@.name == 'page')].schema.minimum")
                            .value(0))
                    .andExpect(jsonPath("$.paths['" + path + "'].get.parameters[?(@.name == 'sort')].in")
                            .value("query"));
        }
    }

    // --- the catalogue ----------------------------------------------------------------------

    private ResultActions catalogue() throws Exception {
        return mvc.perform(get("/models/families")).andExpect(status().isOk());
    }

    private static String family(String id) {
        return "$.families[" + IDS.indexOf(id) + "]";
    }

    @Test
    void listsTheTenFamiliesInOrder() throws Exception {
        catalogue().andExpect(jsonPath("$.families[*].id", contains(IDS.toArray())));
    }

    @Test
    void commonOptionsIncludeEpochs() throws Exception {
        catalogue()
                .andExpect(jsonPath("$.commonOptions[?(@.name == 'epochs')].minimum")
                        .value(1.0))
                .andExpect(jsonPath("$.commonOptions[?(@.name == 'epochs')].maximum")
                        .value(1000.0))
                .andExpect(
                        jsonPath("$.commonOptions[?(@.name == 'epochs')].type").value("integer"));
    }

    @Test
    void capabilities() throws Exception {
        catalogue()
                .andExpect(jsonPath(family("cgan") + ".serves", hasItem("CLASS_CONDITIONAL")))
                .andExpect(jsonPath(family("vae") + ".serves", hasItem("RECONSTRUCTIONS")))
                .andExpect(jsonPath(family("gan") + ".serves", not(hasItem("CLASS_CONDITIONAL"))));
    }

    @Test
    void batchNormalisedDcganHasNoR1() throws Exception {
        catalogue()
                .andExpect(jsonPath(family("dcgan") + ".options[*].name", not(hasItem("r1Gamma"))))
                .andExpect(jsonPath(family("dcgan") + ".options[*].name", hasItem("loss")))
                .andExpect(jsonPath(family("gan") + ".options[*].name", hasItem("r1Gamma")));
    }

    @Test
    void ganDefaultsOnRing8() throws Exception {
        String ring8 = family("gan") + ".defaults.ring8['']";
        catalogue()
                .andExpect(jsonPath(ring8 + ".r1Gamma").value(0.1))
                .andExpect(jsonPath(ring8 + ".r1Until").value(0.25))
                .andExpect(jsonPath(ring8 + ".batchSize").value(128))
                .andExpect(jsonPath(ring8 + ".epochs").value(80));
    }

    @Test
    void dcgan64OnlyLearnsShapes64() throws Exception {
        catalogue()
                .andExpect(jsonPath(family("dcgan64") + ".defaults", hasKey("shapes64")))
                .andExpect(jsonPath(family("dcgan64") + ".defaults", not(hasKey("mnist"))))
                .andExpect(jsonPath(family("dcgan64") + ".defaults", not(hasKey("ring8"))));
    }

    @Test
    void autoencoderDefaultsByVariant() throws Exception {
        String mnist = family("autoencoder") + ".defaults.mnist";
        catalogue()
                .andExpect(jsonPath(mnist + ".keys()", contains("mlp", "deep", "conv", "denoising")))
                .andExpect(jsonPath(mnist + ".denoising.noiseLevel").value(0.5))
                .andExpect(jsonPath(mnist + ".mlp.noiseLevel").value(0.0));
    }

    @Test
    void unknownFamilyIs404() throws Exception {
        mvc.perform(get("/models/families/nosuch"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void oneFamily() throws Exception {
        mvc.perform(get("/models/families/cgan"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("cgan"));
    }

    @Test
    void defaultsOnASmallTableAreSized() throws Exception {
        mvc.perform(get("/models/families/gan/defaults").param("dataset", "iris"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[''].batchSize").value(33))
                .andExpect(jsonPath("$[''].epochs").value(1000));
    }

    @Test
    void defaultsOnDataTheFamilyCannotLearnIs400() throws Exception {
        mvc.perform(get("/models/families/dcgan/defaults").param("dataset", "ring8"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("dataset"));
    }

    @Test
    void defaultsOnUnknownDatasetIs404() throws Exception {
        mvc.perform(get("/models/families/gan/defaults").param("dataset", "nosuch"))
                .andExpect(status().isNotFound());
    }
}
