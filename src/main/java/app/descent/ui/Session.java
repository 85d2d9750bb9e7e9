package app.descent.ui;

import app.descent.network.Network;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** What one workspace hands to another in this window: the network being built in the Builder. */
public final class Session {
    private static final ObjectProperty<Network> BUILDER_NETWORK = new SimpleObjectProperty<>();

    private Session() {
    }

    /** The Builder's current network (null until something is built). Set on the FX thread. */
    public static ObjectProperty<Network> builderNetwork() {
        return BUILDER_NETWORK;
    }
}
