package org.rnnlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class RnnLabApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(RnnLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("RNN Lab");
        stage.setScene(new Scene(new Label("RNN Lab"), 1280, 800));
        stage.show();
    }
}
