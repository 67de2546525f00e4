package dev.gansvc.models;

import dev.gansvc.engine.model.ModelShape;

/**
 * A trained model as a job that continues it sees it.
 *
 * @param architecture its family
 * @param shape        its networks' shape, which the continuing job's must equal
 * @param iteration    the steps it took, where the continuing job's count from
 * @param dataset      what it was trained on; null for an imported model whose importer named none
 */
public record ModelOrigin(long id, String architecture, ModelShape shape, long iteration, String dataset) {}
