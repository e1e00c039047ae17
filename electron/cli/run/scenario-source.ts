import { checkScenario, checkScenarioText, type Scenario, type ScenarioCheck } from '../../../shared/scenario';
import { findPreset, PRESETS } from '../../../shared/presets';
import { UsageError } from '../cli-error';
import { readInputFile } from '../cli-io';

function checked(check: ScenarioCheck, origin: string): Scenario {
  if (check.ok) return check.scenario;
  throw new UsageError(check.problems.map((p) => `${origin}: ${p.path}: ${p.message}`));
}

/** The scenario in a JSON file; every problem is reported as `file: path: message`. */
export async function readScenarioFile(file: string): Promise<Scenario> {
  return checked(checkScenarioText(await readInputFile(file)), file);
}

/** The base scenario of a built-in preset. */
export function presetScenario(id: string): Scenario {
  const preset = findPreset(id);
  if (preset === undefined) {
    throw UsageError.of(`unknown preset "${id}": use one of ${PRESETS.map((p) => p.id).join(', ')}`);
  }
  return checked(checkScenario(preset.scenario), `preset ${id}`);
}

/** The scenario `run` was pointed at: a file or `--preset`, exactly one of them. */
export async function chooseScenario(file: string | undefined, preset: string | undefined): Promise<Scenario> {
  if (file !== undefined && preset !== undefined) throw UsageError.of('give either a scenario file or --preset, not both');
  if (file !== undefined) return readScenarioFile(file);
  if (preset !== undefined) return presetScenario(preset);
  throw UsageError.of('run needs a scenario file or --preset <id> (see the presets command)');
}
