package io.recallbricks.quality;

import java.util.List;

/**
 * Recall@k and MRR over questions that each have one relevant memory: recall@k is the share of questions whose
 * memory is among the first k answers; MRR the mean of 1/rank (0 when it is not among the answers).
 */
public final class Scores {

    public static final int[] KS = {1, 5, 10};

    private final int[] hits = new int[KS.length];
    private double reciprocalRanks;
    private int questions;

    /** Records one question's answer list. */
    public void add(String relevant, List<String> answers) {
        questions++;
        int rank = answers.indexOf(relevant) + 1;
        if (rank > 0) {
            reciprocalRanks += 1.0 / rank;
            for (int i = 0; i < KS.length; i++) {
                if (rank <= KS[i]) {
                    hits[i]++;
                }
            }
        }
    }

    public int questions() {
        return questions;
    }

    public double recallAt(int k) {
        for (int i = 0; i < KS.length; i++) {
            if (KS[i] == k) {
                return questions == 0 ? 0 : (double) hits[i] / questions;
            }
        }
        throw new IllegalArgumentException("recall@" + k + " is not measured");
    }

    public double mrr() {
        return questions == 0 ? 0 : reciprocalRanks / questions;
    }
}
