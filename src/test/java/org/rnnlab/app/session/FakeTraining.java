package org.rnnlab.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.training.TrainingEvent;

/** A training controller that trains nothing: the test plays the trainer's events and ends the run. */
public final class FakeTraining implements TrainingControl {
    private final ModelStore store;
    public final List<String> calls = new ArrayList<>();
    public Request lastRequest;
    private Consumer<List<TrainingEvent>> onBatch;

    public FakeTraining(ModelStore store) {
        this.store = store;
    }

    @Override
    public void start(Request request, Consumer<List<TrainingEvent>> batches) {
        if (store.model() == null || !store.matchesCorpusProperty().get()) {
            throw new UserException("no model that fits the corpus");
        }
        calls.add("start");
        lastRequest = request;
        onBatch = batches;
        store.setTraining(true);
    }

    /** The trainer's events, as one batch on the FX thread would bring them. */
    public void deliver(TrainingEvent... events) {
        onBatch.accept(List.of(events));
    }

    /** A copy of the parameters handed over mid-run, as the real controller does now and then. */
    public void snapshot(RnnModel copy) {
        store.publishParameters(copy, "in training");
    }

    /** The run's thread ends with {@code result} published, as the real controller does. */
    public void end(RnnModel result) {
        store.publishParameters(result, "trained in a test");
        store.setTraining(false);
    }

    @Override
    public void pause() {
        calls.add("pause");
    }

    @Override
    public void resume() {
        calls.add("resume");
    }

    @Override
    public void stepOnce() {
        calls.add("step");
    }

    @Override
    public void stop() {
        calls.add("stop");
    }

    @Override
    public void setLearningRate(double rate) {
        calls.add("learningRate " + rate);
    }

    @Override
    public void setProbe(int[] words) {
        calls.add("probe " + java.util.Arrays.toString(words));
    }

    @Override
    public void requestSnapshot() {
        calls.add("snapshot");
    }
}
