package dev.catalogstore.tck;

/** Rules of the contract (being written). */
public abstract class IsolationContract extends TckSuite {}
