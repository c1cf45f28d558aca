-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "trainingProvider" TEXT,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "place" TEXT,
    "onlineUrl" TEXT,
    "organizerInstitutionId" TEXT NOT NULL,
    "workspaceId" TEXT,
    "teamId" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "minutes" TEXT NOT NULL DEFAULT '',
    "minutesUpdatedAt" DATETIME,
    "minutesUpdatedById" TEXT,
    "minutesDocumentId" TEXT,
    "createdById" TEXT NOT NULL,
    "cancelledAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    CONSTRAINT "Meeting_organizerInstitutionId_fkey" FOREIGN KEY ("organizerInstitutionId") REFERENCES "Institution" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meeting_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Meeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAgendaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" TEXT,
    "ownerName" TEXT,
    "startTime" TEXT,
    "durationMinutes" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "MeetingAgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingAgendaItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingInstitution" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingInstitution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingInstitution_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingInvitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT,
    "guestName" TEXT,
    "guestEmail" TEXT,
    "viaInstitutionId" TEXT,
    "rsvp" TEXT NOT NULL DEFAULT 'PENDING',
    "rsvpAt" DATETIME,
    "rsvpTokenHash" TEXT,
    "emailedAt" DATETIME,
    "invitedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingInvitation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingInvitation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "invitationId" TEXT,
    "name" TEXT NOT NULL,
    "organisation" TEXT,
    "present" BOOLEAN NOT NULL DEFAULT true,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingAttendance_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "MeetingInvitation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "meetingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "taskId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MeetingOutcome_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Meeting_deletedAt_startsAt_idx" ON "Meeting"("deletedAt", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_workspaceId_startsAt_idx" ON "Meeting"("workspaceId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_teamId_startsAt_idx" ON "Meeting"("teamId", "startsAt");

-- CreateIndex
CREATE INDEX "Meeting_organizerInstitutionId_startsAt_idx" ON "Meeting"("organizerInstitutionId", "startsAt");

-- CreateIndex
CREATE INDEX "MeetingAgendaItem_meetingId_position_idx" ON "MeetingAgendaItem"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MeetingInstitution_institutionId_idx" ON "MeetingInstitution"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingInstitution_meetingId_institutionId_key" ON "MeetingInstitution"("meetingId", "institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingInvitation_rsvpTokenHash_key" ON "MeetingInvitation"("rsvpTokenHash");

-- CreateIndex
CREATE INDEX "MeetingInvitation_userId_idx" ON "MeetingInvitation"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingInvitation_meetingId_userId_key" ON "MeetingInvitation"("meetingId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingInvitation_meetingId_guestEmail_key" ON "MeetingInvitation"("meetingId", "guestEmail");

-- CreateIndex
CREATE INDEX "MeetingAttendance_meetingId_idx" ON "MeetingAttendance"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingAttendance_meetingId_invitationId_key" ON "MeetingAttendance"("meetingId", "invitationId");

-- CreateIndex
CREATE INDEX "MeetingOutcome_meetingId_position_idx" ON "MeetingOutcome"("meetingId", "position");

-- CreateIndex
CREATE INDEX "MeetingOutcome_taskId_idx" ON "MeetingOutcome"("taskId");
