package dev.integrationbroker.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrationbroker.it.harness.KeycloakIT;
import dev.integrationbroker.it.harness.KeycloakServer;
import dev.integrationbroker.it.harness.TestRealm;

/**
 * Drives the integration-broker admin console in headless Chromium (Debian's chromium and chromedriver,
 * installed by it-tests/scripts/install-browser.sh), as an identity admin would. Screenshots go to
 * target/browser-screenshots/. Skipped with a message where Chromium is absent.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("admin console in a browser")
class AdminConsoleBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String INTEGRATION = "crm-connector";

    private KeycloakServer server;
    private TestRealm realm;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path screenshots;
    private String previousAdminTheme;

    @BeforeAll
    void startBrowser(KeycloakServer server) throws IOException {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): the browser test is skipped; "
                        + "it-tests/scripts/install-browser.sh installs them on Debian as root");
        this.server = server;
        this.realm = TestRealm.copyOfDemo(server);
        previousAdminTheme = server.admin().getOk("/admin/realms/master").path("adminTheme").asText(null);
        server.admin().put("/admin/realms/master", Map.of("adminTheme", "integration-broker"));
        screenshots = Files.createDirectories(Path.of(System.getProperty("it.screenshots.dir", "target/browser-screenshots")));

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,1000", "--user-data-dir=" + Files.createTempDirectory("ib-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.admin().put("/admin/realms/master", Map.of("adminTheme", previousAdminTheme == null ? "" : previousAdminTheme));
        }
        if (realm != null) {
            realm.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("given the admin logs in and opens the integration's client page then the integration view is one click away")
    void openFromClientPage() throws IOException {
        driver.get(console("/clients/" + realm.clientUuid(INTEGRATION) + "/settings"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("admin");
        driver.findElement(By.id("kc-login")).click();

        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(testId("ib-client-integration-link")));
        screenshot("1-client-page");
        link.click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("ib-purpose")));
        assertThat(driver.findElement(testId("ib-detail-status")).getText()).containsIgnoringCase("active");
        screenshot("2-integration-detail");
    }

    @Test
    @Order(2)
    @DisplayName("given a new purpose saved in the form then it is stored")
    void changePurpose() throws IOException {
        WebElement purpose = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("ib-purpose")));
        replace(purpose, "Synchronises customer orders into Acme CRM nightly");
        driver.findElement(testId("ib-save")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("ib-saved")));
        assertThat(attribute("integration.purpose")).isEqualTo("Synchronises customer orders into Acme CRM nightly");
        screenshot("3-purpose-saved");
    }

    @Test
    @Order(3)
    @DisplayName("given an owner who is not a realm user then the server's validation message shows in the form")
    void badOwnerShowsValidation() throws IOException {
        replace(driver.findElement(testId("ib-business-owner")), "no-such-user");
        driver.findElement(testId("ib-save")).click();

        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("ib-error-message")));
        assertThat(message.getText()).contains(
                "integration.business-owner: must be the username of an existing, enabled user of this realm ('no-such-user' is not)");
        assertThat(attribute("integration.business-owner")).isEqualTo("alice");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", message);
        screenshot("4-validation-error");
        driver.findElement(testId("ib-revert")).click();
    }

    @Test
    @Order(4)
    @DisplayName("given the attest button then the review is recorded")
    void attest() throws IOException {
        WebElement note = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("ib-action-note")));
        note.sendKeys("Quarterly review with the CRM team");
        driver.findElement(testId("ib-attest")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("ib-action-success")));
        assertThat(attribute("integration.last-attested-by")).isEqualTo("admin");
        screenshot("5-attested");
    }

    @Test
    @Order(5)
    @DisplayName("given the Integrations page then the integration is in the inventory")
    void inventory() throws IOException {
        driver.get(console("/integrations"));

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='ib-inventory-row'][data-client-id='" + INTEGRATION + "']")));
        assertThat(row.getText()).contains("alice");
        screenshot("6-inventory");
    }

    @Test
    @Order(6)
    @DisplayName("given a lapsed review then 'Run sweep now' lists the suspension and the integration view shows status and reason")
    void sweepNow() throws IOException {
        realm.restoreClient(INTEGRATION, Map.of("integration.last-attested-at",
                Instant.now().minus(31, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), "integration.review-interval-days", "30"));
        driver.get(console("/integrations"));

        wait.until(ExpectedConditions.elementToBeClickable(testId("ib-sweep-run"))).click();

        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("ib-sweep-result")));
        assertThat(result.getText()).contains("Sweep finished: 1 transition(s).");
        assertThat(driver.findElement(testId("ib-sweep-transition")).getText())
                .contains(INTEGRATION).contains("active").contains("suspended").contains("review-lapsed");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-testid='ib-inventory-row'][data-client-id='" + INTEGRATION + "']")));
        wait.until(ExpectedConditions.textToBePresentInElement(row, "suspended"));
        screenshot("7-sweep-now");

        driver.get(console("/integrations/" + INTEGRATION));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("ib-detail-status"), "suspended"));
        assertThat(driver.findElement(testId("ib-detail-suspended-reason")).getText()).contains("review-lapsed");
        screenshot("8-suspended-detail");
        assertThat(attribute("integration.status")).isEqualTo("suspended");
    }

    private String console(String route) {
        return server.baseUri() + "/admin/master/console/#/" + realm.name() + route;
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private void replace(WebElement input, String text) {
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
    }

    private String attribute(String name) {
        JsonNode client = realm.client(INTEGRATION);
        return client.path("attributes").path(name).asText(null);
    }

    private Path screenshot(String name) throws IOException {
        Path target = screenshots.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
