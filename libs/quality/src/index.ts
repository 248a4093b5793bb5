/**
 * @hop-luu/quality: the data-quality report of a source — its shape, how it is built from the
 * counts the harvester takes, and its CSV form (plain TypeScript).
 */
export * from './quality-terms';
export * from './quality-report';
export * from './failures';
export * from './quality-csv';
export * from './store/source-quality-report.entity';
export * from './store/quality-reports.service';
export * from './store/quality-reports.module';
