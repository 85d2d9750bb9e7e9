package app.descent.training.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The image datasets that ship with Descent in gzipped IDX files. */
public enum ShippedDataset {
    MNIST("mnist", "MNIST digits", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")),
    FASHION_MNIST("fashion-mnist", "Fashion-MNIST", List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    private final String id;
    private final String title;
    private final List<String> classNames;

    ShippedDataset(String id, String title, List<String> classNames) {
        this.id = id;
        this.title = title;
        this.classNames = classNames;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public List<String> classNames() {
        return classNames;
    }

    public ImageSet train() {
        return IdxReader.read(file("train-images-idx3-ubyte.gz"), file("train-labels-idx1-ubyte.gz"), classNames);
    }

    public ImageSet test() {
        return IdxReader.read(file("t10k-images-idx3-ubyte.gz"), file("t10k-labels-idx1-ubyte.gz"), classNames);
    }

    /** Counted from the file header, without reading the images. */
    public int trainCount() {
        return IdxReader.count(file("train-labels-idx1-ubyte.gz"));
    }

    public int testCount() {
        return IdxReader.count(file("t10k-labels-idx1-ubyte.gz"));
    }

    private Path file(String name) {
        return DatasetLocator.root().resolve(id).resolve(name);
    }

    public static ShippedDataset byId(String id) {
        for (ShippedDataset d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new DatasetException("unknown dataset '" + id + "'; shipped: "
                + Arrays.stream(values()).map(ShippedDataset::id).collect(Collectors.joining(", ")));
    }
}
