/**
 * Innovation projects (DESIGN §3): the project, its partners, territories, themes, links and attachments, its
 * stage and its visibility (the state of its workflow).
 */
package fr.la27eregion.project.entity;
