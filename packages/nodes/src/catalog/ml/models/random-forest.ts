import { binRows, growTree, leafOf, type RegressionTree } from "./histogram-tree.ts";
import { seededRandom } from "./random.ts";
import type { ModelJson, ModelSettings, TrainedModel, TrainingSet } from "./types.ts";

/**
 * Random forest (Breiman): each tree grows on a seeded bootstrap sample and tries a random √features
 * subset at every split; class probabilities are the mean of the trees' leaf class frequencies.
 * Grown on the histogram trees rather than ml-random-forest: its ml-cart trees cost ~10 s per retrain at
 * 1,000 rows × 50 trees here (O(rows²) split search), ~100× more than this.
 */
interface ForestJson extends ModelJson {
  kind: "randomForest";
  classes: number;
  trees: RegressionTree[];
  importances: number[] | null;
}

const MAX_BINS = 64;

export function trainRandomForest(set: TrainingSet, settings: ModelSettings): TrainedModel {
  const rows = set.x.length;
  const features = set.x[0]?.length ?? 0;
  const binned = binRows(set.x, MAX_BINS);
  // Classes become one-hot targets: least squares on indicators is the Gini criterion.
  const targets =
    set.task === "return"
      ? [Float64Array.from(set.y)]
      : Array.from({ length: set.classes }, (_, k) => Float64Array.from(set.y, (y) => (y === k ? 1 : 0)));
  const random = seededRandom(settings.seed);
  const gains = new Float64Array(features);
  const options = {
    maxDepth: settings.treeDepth,
    minLeafRows: Math.max(5, Math.floor(rows / 200)),
    featuresPerSplit: Math.max(1, Math.ceil(Math.sqrt(features))),
    random,
  };
  const trees: RegressionTree[] = [];
  for (let t = 0; t < settings.trees; t++) {
    const sample = new Int32Array(rows);
    for (let r = 0; r < rows; r++) sample[r] = Math.floor(random() * rows);
    trees.push(growTree(binned, targets, sample, options, gains, null));
  }
  const totalGain = gains.reduce((a, b) => a + b, 0);
  return forestModel({
    kind: "randomForest",
    task: set.task,
    classes: set.classes,
    trees,
    importances: totalGain > 0 ? Array.from(gains, (g) => g / totalGain) : null,
  });
}

export function loadRandomForest(json: ModelJson): TrainedModel {
  return forestModel(json as ForestJson);
}

function forestModel(json: ForestJson): TrainedModel {
  const { trees } = json;
  return {
    predict(row, out) {
      out.fill(0);
      for (const tree of trees) {
        const at = leafOf(tree, row) * tree.outputs;
        for (let k = 0; k < tree.outputs; k++) out[k]! += tree.value[at + k]! / trees.length;
      }
    },
    importances: () => json.importances,
    toJSON: () => json,
  };
}
