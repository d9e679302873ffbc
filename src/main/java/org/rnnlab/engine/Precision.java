package org.rnnlab.engine;

import org.nd4j.linalg.api.buffer.DataType;

/** The floating-point type of a model's parameters: float32 trains fast, float64 checks exactly. */
public enum Precision {
    FLOAT32, FLOAT64;

    /** numpy's name of this precision: "float32" or "float64" (model files, the CLI, the app). */
    public String dtypeName() {
        return this == FLOAT32 ? "float32" : "float64";
    }

    /** The precision numpy calls {@code name} ("float32", "float64"), or null for any other name. */
    public static Precision ofDtypeName(String name) {
        return switch (name) {
            case "float32" -> FLOAT32;
            case "float64" -> FLOAT64;
            default -> null;
        };
    }

    @Override
    public String toString() {
        return dtypeName();
    }

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
