package app.descent.ui.backprop;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What is known after replaying the first {@code index + 1} steps: the state the graph view draws. */
record Frame(int index, Set<Integer> valued, Map<Integer, Double> gradients, Map<Integer, Picture.Flow> flows,
             int currentNode, Set<Integer> currentEdges, String text) {

    static Frame of(Picture p, int index) {
        Set<Integer> valued = new HashSet<>();
        Map<Integer, Double> gradients = new HashMap<>();
        Map<Integer, Picture.Flow> flows = new HashMap<>();
        Set<Integer> currentEdges = new HashSet<>();
        int current = -1;
        String text = index < 0 ? "Press Step to run the forward pass node by node." : "";
        boolean backwardStarted = false;
        for (int i = 0; i <= index && i < p.steps().size(); i++) {
            Picture.Step s = p.steps().get(i);
            boolean last = i == index;
            if (s.phase() == Picture.Phase.FORWARD) {
                valued.add(s.node());
            } else {
                if (!backwardStarted) {
                    // the output's gradient with respect to itself seeds the backward pass
                    gradients.put(p.outputNode(), 1.0);
                    backwardStarted = true;
                }
                for (Picture.Flow f : s.flows()) {
                    flows.put(f.edge(), f);
                    int to = p.edges().get(f.edge()).from();
                    gradients.merge(to, f.downstream(), Double::sum);
                    if (last) {
                        currentEdges.add(f.edge());
                    }
                }
                gradients.putIfAbsent(s.node(), 0.0);
            }
            if (last) {
                current = s.node();
                text = s.text();
            }
        }
        return new Frame(index, valued, gradients, flows, current, currentEdges, text);
    }
}
