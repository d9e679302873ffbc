package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An island given less than its preferred height (a page that fits the window) lays its content
 * out on its own, and asks the page again only when the content's sizes change.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutIslandTest {
    private Label counter;
    private Region tall;
    private VBox page;
    private LayoutIsland island;

    @Start
    void start(Stage stage) {
        counter = new Label("1 / 9,000");
        tall = new Region();
        tall.setMinHeight(100);
        tall.setPrefHeight(400);
        island = new LayoutIsland(new VBox(counter, tall));
        page = new VBox(island);
        page.setMaxHeight(200); // less than the island prefers: the page shrinks it towards its minimum
        stage.setScene(new Scene(new StackPane(page), 400, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aChangeThatKeepsTheSizesLaysOutTheIslandAlone(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(island.getHeight() < island.prefHeight(island.getWidth()) - 1, "the page gives the island less than it prefers");
        AtomicBoolean pageAsked = new AtomicBoolean(true);
        robot.interact(() -> {
            counter.setText("2 / 9,000"); // one line still: the content's sizes stay
            pageAsked.set(page.isNeedsLayout());
        });
        assertFalse(pageAsked.get(), "the page is not laid out again for a counter");
    }

    @Test
    void aContentThatGrowsAsksThePageForRoom(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicBoolean pageAsked = new AtomicBoolean();
        robot.interact(() -> {
            tall.setMinHeight(250); // more than the page has: the island keeps its minimum
            pageAsked.set(page.isNeedsLayout());
        });
        assertTrue(pageAsked.get(), "a new minimum height reaches the page");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(250 + counter.getHeight(), island.getHeight(), 1.0, "the page made room for the new minimum");
    }
}
