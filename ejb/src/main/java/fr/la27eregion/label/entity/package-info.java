/**
 * Labels (DESIGN §3): programmes and their versioned scoring grids, campaigns, label applications with their
 * answers, attachments and conversation, assessments, and the labels awarded; their states and actions, and the
 * rules each record applies to itself. The tables of their workflows live in {@code label.control}.
 */
package fr.la27eregion.label.entity;
