package app.descent.training;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch records gradients by default on every thread, and DJL switches that off only on the thread that loaded
 * the engine. Updates in place and evaluations must run with recording off on whichever thread trains.
 */
final class GradMode {
    private GradMode() {
    }

    static void off() {
        if ("PyTorch".equals(Engine.getInstance().getEngineName()) && JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }
}
