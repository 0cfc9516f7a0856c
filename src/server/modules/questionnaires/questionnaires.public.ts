/** The questionnaires module as other modules, the CLI, seeds and builders see it. */
export { archiveQuestionnaire, createQuestionnaire, definitionOfVersion, importQuestionnaire, referenceQuestionnaire } from './questionnaires.service.ts';
