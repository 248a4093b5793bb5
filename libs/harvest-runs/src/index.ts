export * from './harvest-run.entity';
export * from './harvest-runs.module';
export * from './harvest-runs.service';
export * from './run-lifecycle.service';
export * from './harvest-stats.service';
