package org.rnnlab.engine;

import org.nd4j.linalg.api.buffer.DataType;

/** The floating-point type of a model's parameters: float32 trains fast, float64 checks exactly. */
public enum Precision {
    FLOAT32, FLOAT64;

    public DataType dataType() {
        return this == FLOAT32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** The precision of an ND4J data type; only FLOAT and DOUBLE are model types. */
    public static Precision of(DataType type) {
        return switch (type) {
            case FLOAT -> FLOAT32;
            case DOUBLE -> FLOAT64;
            default -> throw new IllegalArgumentException("not a model data type: " + type);
        };
    }
}
