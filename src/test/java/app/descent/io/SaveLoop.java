package app.descent.io;

import app.descent.network.ModelZoo;
import app.descent.network.Network;
import app.descent.network.NetworkJson;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process that saves without pause until it is killed: a network (NetworkJson), a progress-like JSON
 * document and a CSV table, each of a size that changes from save to save. Prints "saved N" after each round.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Network> networks = List.of(ModelZoo.create("lenet5"), ModelZoo.create("vgg11"));
        for (int i = 0; ; i++) {
            int pad = 20_000 + (i * 7919) % 400_000;
            NetworkJson.save(dir.resolve("net.json"), networks.get(i % 2));
            AtomicFiles.writeString(dir.resolve("progress.json"),
                    "{\"round\": " + i + ", \"length\": " + pad + ", \"pad\": \"" + "x".repeat(pad) + "\"}");
            Csv.Table t = Csv.table("round", "value");
            for (int r = 0; r < pad / 10; r++) {
                t.row(i, r);
            }
            AtomicFiles.writeString(dir.resolve("metrics.csv"), t.row("end", pad / 10).toString());
            System.out.println("saved " + i);
            System.out.flush();
        }
    }
}
