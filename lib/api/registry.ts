// Every /api/v1 endpoint, in the order the documentation lists them.
import type { Endpoint } from "./endpoint";
import {
  exportResponsesEndpoint, frequencyEndpoint, listFlaggedEndpoint, listRulesEndpoint, recruitmentListEndpoint, saveRuleEndpoint, updateFlaggedEndpoint,
} from "./endpoints/data";
import { meEndpoint, openapiEndpoint } from "./endpoints/meta";
import { previewRequestEndpoint, recordStepsEndpoint, sendRequestEndpoint } from "./endpoints/recruitment";
import { classificationSheetEndpoint, contactHealthEndpoint, intervieweesEndpoint, otherTextsEndpoint, qdpxEndpoint } from "./endpoints/reports";
import { getParticipantEndpoint, importPanelEndpoint, listKeepInTouchEndpoint, listParticipantsEndpoint, resendInvitationEndpoint, withdrawParticipantEndpoint } from "./endpoints/panel";
import {
  createStudyEndpoint, getInstrumentVersionEndpoint, getStudyEndpoint, listInstrumentsEndpoint, listStudiesEndpoint, uploadInstrumentEndpoint, updateStudyEndpoint,
} from "./endpoints/studies";
import { addMemberEndpoint, auditLogEndpoint, inviteUserEndpoint, listUsersEndpoint, removeMemberEndpoint, updateUserEndpoint } from "./endpoints/users";
import {
  closeWaveEndpoint, createWaveEndpoint, deleteWaveEndpoint, editWaveEndpoint, fieldworkEndpoint, listWavesEndpoint, openWaveEndpoint, reopenWaveEndpoint, scheduleWaveEndpoint,
} from "./endpoints/waves";

export const API_ENDPOINTS: Endpoint[] = [
  meEndpoint, openapiEndpoint,
  listStudiesEndpoint, createStudyEndpoint, getStudyEndpoint, updateStudyEndpoint,
  listInstrumentsEndpoint, uploadInstrumentEndpoint, getInstrumentVersionEndpoint,
  listWavesEndpoint, createWaveEndpoint, scheduleWaveEndpoint, openWaveEndpoint, closeWaveEndpoint, fieldworkEndpoint,
  editWaveEndpoint, deleteWaveEndpoint, reopenWaveEndpoint,
  importPanelEndpoint, listParticipantsEndpoint, getParticipantEndpoint, resendInvitationEndpoint, withdrawParticipantEndpoint, listKeepInTouchEndpoint,
  exportResponsesEndpoint, frequencyEndpoint, otherTextsEndpoint, intervieweesEndpoint, classificationSheetEndpoint, qdpxEndpoint, contactHealthEndpoint,
  listRulesEndpoint, saveRuleEndpoint, listFlaggedEndpoint, updateFlaggedEndpoint, recruitmentListEndpoint,
  previewRequestEndpoint, sendRequestEndpoint, recordStepsEndpoint,
  listUsersEndpoint, inviteUserEndpoint, updateUserEndpoint, addMemberEndpoint, removeMemberEndpoint, auditLogEndpoint,
] as Endpoint[];

export const API_TAGS = [
  { name: "Account", description: "The token's user and this document" },
  { name: "Studies", description: "Studies and their settings" },
  { name: "Instruments", description: "Questionnaires: XLSForm or JSON, versioned" },
  { name: "Waves", description: "Create, schedule, open and close waves; fieldwork counts" },
  { name: "Panel", description: "Import the panel; pseudonymous participants and their status per wave" },
  { name: "Responses", description: "Response exports for analysis" },
  { name: "Reports", description: "Frequency tables, other texts, interviewees, contact health" },
  { name: "Recruitment", description: "Interview recruitment: rules, flagged list, statuses, the contact list" },
  { name: "Users", description: "Admins only: researchers and admins, study memberships, the audit log" },
];
