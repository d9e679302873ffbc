package org.rnnlab.training;

/** Receives {@link TrainingEvent}s on the training thread: keep it cheap (hand work to another thread). */
@FunctionalInterface
public interface TrainingListener {
    void on(TrainingEvent event);
}
